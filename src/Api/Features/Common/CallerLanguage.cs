namespace DealPipeline.Api.Features.Common;

/// <summary>The language the caller prefers for labels: Chinese unless Accept-Language ranks English first.</summary>
public sealed class CallerLanguage(IHttpContextAccessor http)
{
    public bool English => http.HttpContext is { } context && Labels.PrefersEnglish(context.Request);
}

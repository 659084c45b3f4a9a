using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Common;

public static class EndpointConventions
{
    /// <summary>Requires an API key whose role the policy allows; documents the 403 of roles it does not.</summary>
    public static TBuilder Allow<TBuilder>(this TBuilder builder, string policy)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization(policy);
        if (policy != Policies.Read)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        }

        return builder;
    }

    /// <summary>Documents the ProblemDetails answers an endpoint can give.</summary>
    public static RouteHandlerBuilder WithProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses)
        {
            if (status == StatusCodes.Status400BadRequest)
            {
                builder.ProducesValidationProblem();
            }
            else
            {
                builder.ProducesProblem(status);
            }
        }

        return builder;
    }
}

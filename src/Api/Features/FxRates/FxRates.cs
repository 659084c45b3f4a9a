using DealPipeline.Api.Application;
using DealPipeline.Api.Application.Behaviors;
using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;
using DealPipeline.Domain;
using DealPipeline.Api.Http;
using DealPipeline.Infrastructure;
using FluentValidation;
using MediatR;

namespace DealPipeline.Api.Features.FxRates;

/// <summary>A rate: yuan per one unit of <see cref="Currency"/>, in force from <see cref="EffectiveOn"/> until the next one.</summary>
public sealed record FxRateResponse(string Currency, decimal Rate, DateOnly EffectiveOn);

public static class FxRateEndpoints
{
    public static void MapFxRates(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/fx-rates").WithTags("FX rates");
        group.MapPut("/{currency}", async (string currency, FxRateBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetFxRate(currency, body.Rate, body.EffectiveOn), ct)))
            .WithName("SetFxRate").Allow(Policies.Admin)
            .WithSummary("Sets the rate (yuan per unit, up to 8 decimals) of a currency from effectiveOn; setting the same day again replaces it.")
            .WithProblems(400);
        group.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListFxRates(), ct)))
            .WithName("ListFxRates").Allow(Policies.Read)
            .WithSummary("Lists every rate ever set, by currency, newest first. A report uses, for each currency, the latest rate effective on or before its date.");
    }
}

public sealed record FxRateBody(decimal? Rate, DateOnly? EffectiveOn) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["rate", "effectiveOn"];

    public static object Example => new FxRateBody(7.1234m, new DateOnly(2025, 11, 3));
}

public sealed record SetFxRate(string Currency, decimal? Rate, DateOnly? EffectiveOn) : ICommand<FxRateResponse>, IAudited
{
    string IAudited.AuditEntity => "fxRate";

    string? IAudited.AuditId => Currency;
}

public sealed class SetFxRateValidator : AbstractValidator<SetFxRate>
{
    public SetFxRateValidator()
    {
        RuleFor(x => x.Currency)
            .Must(c => IsoCodes.IsCurrency(c) && c != FxRates.Cny)
            .WithMessage("The currency is an ISO 4217 code in capitals other than CNY, e.g. USD.");
        RuleFor(x => x.Rate)
            .NotNull().WithMessage("'rate' is required: yuan per one unit of the currency.")
            .Must(r => r is null || (r > 0 && r < FxRates.MaxRate && decimal.Round(r.Value, FxRates.Decimals) == r.Value))
            .WithMessage($"'rate' is greater than 0, below {FxRates.MaxRate} and has at most {FxRates.Decimals} decimals.");
        RuleFor(x => x.EffectiveOn).NotNull().WithMessage("'effectiveOn' is required (YYYY-MM-DD).").BusinessDate();
    }
}

public sealed class SetFxRateHandler(DbSession session, IClock clock) : IRequestHandler<SetFxRate, FxRateResponse>
{
    public async Task<FxRateResponse> Handle(SetFxRate request, CancellationToken cancellationToken)
    {
        var args = new { request.Currency, On = request.EffectiveOn!.Value, RateE8 = FxRates.ToE8(request.Rate!.Value), At = clock.UtcNow };

        // An upsert written once for both databases: the transaction makes it atomic.
        var updated = await session.ExecuteAsync(
            "UPDATE fx_rates SET rate_e8 = @RateE8, updated_at = @At WHERE currency = @Currency AND effective_on = @On", args, cancellationToken);
        if (updated == 0)
        {
            await session.ExecuteAsync(
                "INSERT INTO fx_rates (currency, effective_on, rate_e8, updated_at) VALUES (@Currency, @On, @RateE8, @At)", args, cancellationToken);
        }

        return new FxRateResponse(request.Currency, FxRates.FromE8(args.RateE8), args.On);
    }
}

public sealed record ListFxRates : IQuery<Page<FxRateResponse>>;

public sealed class ListFxRatesHandler(DbSession session) : IRequestHandler<ListFxRates, Page<FxRateResponse>>
{
    public async Task<Page<FxRateResponse>> Handle(ListFxRates request, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync<FxRates.Row>(
            "SELECT currency, effective_on, rate_e8 FROM fx_rates ORDER BY currency, effective_on DESC", null, cancellationToken);
        return new Page<FxRateResponse>(rows.Select(r => new FxRateResponse(r.Currency, FxRates.FromE8(r.RateE8), r.EffectiveOn)).ToList(), null);
    }
}

/// <summary>Rates are stored as integers, yuan per unit times 10^8: exact, and the same in both databases.</summary>
public static class FxRates
{
    public const string Cny = "CNY";
    public const int Decimals = 8;
    /// <summary>No currency is worth 1,000 yuan a unit; the bound keeps converted sums exact (see <see cref="Money.MaxAmount"/>).</summary>
    public const decimal MaxRate = 1_000m;
    private const decimal Scale = 100_000_000m;

    public static long ToE8(decimal rate) => (long)(rate * Scale);

    public static decimal FromE8(long rateE8) => rateE8 / Scale;

    /// <summary>
    /// For each currency, the rate in force on <paramref name="on"/>: the latest effective on or
    /// before it, or, for a date before a currency's first rate, that first rate.
    /// </summary>
    public static async Task<RateTable> InForceAsync(DbSession session, DateOnly on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rows = await session.QueryAsync<Row>(
            "SELECT currency, effective_on, rate_e8 FROM fx_rates f WHERE effective_on = COALESCE(" +
            "(SELECT MAX(effective_on) FROM fx_rates g WHERE g.currency = f.currency AND g.effective_on <= @on), " +
            "(SELECT MIN(effective_on) FROM fx_rates h WHERE h.currency = f.currency))",
            new { on },
            cancellationToken);
        return new RateTable(rows.ToDictionary(r => r.Currency.Trim(), r => FromE8(r.RateE8), StringComparer.Ordinal));
    }

    public static async Task<bool> HasRateAsync(DbSession session, string currency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return currency == Cny
            || await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fx_rates WHERE currency = @currency", new { currency }, cancellationToken) > 0;
    }

    public sealed record Row
    {
        public string Currency { get; init; } = "";

        public DateOnly EffectiveOn { get; init; }

        public long RateE8 { get; init; }
    }
}

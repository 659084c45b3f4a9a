using DealPipeline.Api.Http.Security;
using Microsoft.AspNetCore.Http.HttpResults;

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

    /// <summary>What every endpoint declares: its operation's name, the policy a caller's role must meet, and one line saying what it does.</summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string operation, string policy, string summary) =>
        builder.WithName(operation).Allow(policy).WithSummary(summary);

    // The handlers below are passed as delegates, not lambdas: ASP.NET Core's route handler analyzer fails on a
    // handler whose parameters are type parameters.

    /// <summary>
    /// POST to a collection: sends the command bound from the JSON body and answers 201 Created, located at the
    /// collection's path and the new id, with the new resource and its ETag (its version).
    /// </summary>
    public static RouteHandlerBuilder MapCreate<TCommand, T>(this RouteGroupBuilder group)
        where TCommand : class, IRequest<T>
        where T : IVersioned
    {
        Delegate handler = SendCreate<TCommand, T>;
        return group.MapPost("/", handler);
    }

    private static async Task<Created<T>> SendCreate<TCommand, T>(TCommand command, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct)
        where TCommand : class, IRequest<T>
        where T : IVersioned
    {
        // Bound as a type parameter, a missing body or JSON null may reach here as null (the hostile-input tests got a
        // 500 before this check); refused as the other endpoints refuse it.
        if (command is null)
        {
            throw ProblemException.Invalid("$", ProblemTexts.RequestNeedsJSONBody);
        }

        var created = await mediator.Send(command, ct);
        return Http.ETags.Created(response, $"{request.Path.Value!.TrimEnd('/')}/{created.Id}", created, created.Version);
    }

    /// <summary>GET of a list or a page: its request record bound from the route and the query string, checked in the pipeline, sent as it is.</summary>
    public static RouteHandlerBuilder MapQuery<TQuery, T>(this IEndpointRouteBuilder group, string pattern)
        where TQuery : IRequest<T>
    {
        Delegate handler = SendQuery<TQuery, T>;
        return group.MapGet(pattern, handler);
    }

    private static async Task<Ok<T>> SendQuery<TQuery, T>([AsParameters] TQuery query, IMediator mediator, CancellationToken ct)
        where TQuery : IRequest<T> =>
        TypedResults.Ok(await mediator.Send(query, ct));

    /// <summary>Documents the ProblemDetails answers an endpoint can give.</summary>
    /// <summary>The operation's description from a raw-string paragraph: its line breaks are spaces.</summary>
    public static RouteHandlerBuilder WithProse(this RouteHandlerBuilder builder, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return builder.WithDescription(text.ReplaceLineEndings(" "));
    }

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

namespace DealPipeline.Api.Http;

/// <summary>
/// A request body that says which members a request must send and shows a realistic example.
/// The OpenAPI document takes its <c>required</c> list and its example from here (a body type is
/// otherwise all optional, its members nullable so that a validator can name what is missing);
/// RequestBodyContractTests sends each example without each member and checks that the service
/// refuses exactly the required ones.
/// </summary>
public interface IRequestBody
{
    /// <summary>The JSON names (camelCase) a request must send.</summary>
    static abstract IReadOnlyList<string> Required { get; }

    /// <summary>A valid body against the demo data.</summary>
    static abstract object Example { get; }
}

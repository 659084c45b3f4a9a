using DealPipeline.Api.Application;
using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Http;
using DealPipeline.Infrastructure;
using MediatR;

namespace DealPipeline.Api.Features.Funds;

public sealed record ListFundsInPlace(long DealId, int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<FundsResponse>>, IPagedRequest;

public sealed class ListFundsInPlaceHandler(DbSession session, DealAccess access, Cursors cursors) : IRequestHandler<ListFundsInPlace, Page<FundsResponse>>
{
    private const string Sort = "-on";

    public async Task<Page<FundsResponse>> Handle(ListFundsInPlace request, CancellationToken cancellationToken)
    {
        await DealQueries.GetAsync(session, access, request.DealId, cancellationToken);
        var args = new Dapper.DynamicParameters(new { request.DealId, take = request.Limit + 1 });
        var where = "f.deal_id = @DealId";
        if (cursors.Read(request.Cursor, Sort) is { } cursor)
        {
            where += " AND (f.on_date < @afterOn OR (f.on_date = @afterOn AND f.id < @afterId))";
            args.Add("afterOn", cursor.Day);
            args.Add("afterId", cursor.Id);
        }

        var rows = await session.QueryAsync<FundsQueries.Row>(session.Dialect.Limit($"SELECT {FundsQueries.Columns} FROM {FundsQueries.From} WHERE {where}", "f.on_date DESC, f.id DESC"), args, cancellationToken);
        return cursors.Page([.. rows.Select(r => r.ToResponse())], request.Limit, f => Cursor.AtDay(Sort, f.On, f.Id));
    }
}

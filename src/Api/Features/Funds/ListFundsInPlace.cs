using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace DealPipeline.Api.Features.Funds;

public sealed record ListFundsInPlace([FromRoute(Name = "id")] long DealId, int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<FundsResponse>>, IPagedRequest;

public sealed class ListFundsInPlaceHandler(DealReader reader, DbSession session, Cursors cursors) : IRequestHandler<ListFundsInPlace, Page<FundsResponse>>
{
    public async Task<Page<FundsResponse>> Handle(ListFundsInPlace request, CancellationToken cancellationToken)
    {
        await reader.GetAsync(request.DealId, cancellationToken);
        var args = new Dapper.DynamicParameters();
        var sql = NewestFirst.Select(new DbSqlParts(session.Dialect, FundsStore.Columns, FundsStore.From, "f."), cursors, request.Cursor, request.DealId, request.Limit, args);
        var rows = await session.QueryAsync<FundsStore.Row>(sql, args, cancellationToken);
        return NewestFirst.Page(cursors, [.. rows.Select(r => r.ToResponse())], request.Limit, f => (f.On, f.Id));
    }
}

using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace DealPipeline.Api.Features.Activities;

public sealed record ListDealActivities([FromRoute(Name = "id")] long DealId, int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<ActivityResponse>>, IPagedRequest;

public sealed class ListDealActivitiesHandler(DealReader reader, DbSession session, Cursors cursors) : IRequestHandler<ListDealActivities, Page<ActivityResponse>>
{
    public async Task<Page<ActivityResponse>> Handle(ListDealActivities request, CancellationToken cancellationToken)
    {
        await reader.GetAsync(request.DealId, cancellationToken);
        var args = new Dapper.DynamicParameters();
        var sql = NewestFirst.Select(new DbSqlParts(session.Dialect, ActivityStore.Columns, "activities", ""), cursors, request.Cursor, request.DealId, request.Limit, args);
        var rows = (await session.QueryAsync<ActivityResponse>(sql, args, cancellationToken)).ToList();
        return NewestFirst.Page(cursors, rows, request.Limit, a => (a.On, a.Id));
    }
}

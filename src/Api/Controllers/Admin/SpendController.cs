using System.Globalization;
using System.Text.Json.Nodes;
using LlmPlatform.Application.Billing.Reports;
using LlmPlatform.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace LlmPlatform.Api.Controllers.Admin;

/// <summary>
/// LiteLLM's spend reports: <c>/spend/keys|users|teams|tags|models|end_users</c>, <c>/spend/logs</c> and
/// <c>/global/spend/report</c>. Admins and admin viewers see everything, other keys their own key, user and team.
/// </summary>
[Tags("Spend")]
public sealed class SpendController : AdminController
{
    public SpendController(IMediator mediator)
        : base(mediator)
    {
    }

    /// <summary>Spend per key, most first: <c>token</c> (the key's hash), <c>key_alias</c>, <c>key_name</c>, <c>spend</c>.</summary>
    [HttpGet("/spend/keys")]
    [ProducesResponseType<IReadOnlyList<JsonObject>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Keys([FromQuery(Name = "start_date")] string? startDate, [FromQuery(Name = "end_date")] string? endDate, [FromQuery(Name = "limit")] int? limit, CancellationToken cancellationToken) =>
        ByEntity(SpendEntity.Key, startDate, endDate, limit, e => Row(e, ("token", e.Id), ("key_alias", e.Alias), ("key_name", e.KeyName)), cancellationToken);

    /// <summary>Spend per user, most first: <c>user_id</c>, <c>user_email</c>, <c>spend</c>.</summary>
    [HttpGet("/spend/users")]
    [ProducesResponseType<IReadOnlyList<JsonObject>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Users([FromQuery(Name = "start_date")] string? startDate, [FromQuery(Name = "end_date")] string? endDate, [FromQuery(Name = "limit")] int? limit, CancellationToken cancellationToken) =>
        ByEntity(SpendEntity.User, startDate, endDate, limit, e => Row(e, ("user_id", e.Id), ("user_email", e.Alias)), cancellationToken);

    /// <summary>Spend per team, most first: <c>team_id</c>, <c>team_alias</c>, <c>spend</c>.</summary>
    [HttpGet("/spend/teams")]
    [ProducesResponseType<IReadOnlyList<JsonObject>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Teams([FromQuery(Name = "start_date")] string? startDate, [FromQuery(Name = "end_date")] string? endDate, [FromQuery(Name = "limit")] int? limit, CancellationToken cancellationToken) =>
        ByEntity(SpendEntity.Team, startDate, endDate, limit, e => Row(e, ("team_id", e.Id), ("team_alias", e.Alias)), cancellationToken);

    /// <summary>Spend per model group, most first: <c>model</c>, <c>spend</c>.</summary>
    [HttpGet("/spend/models")]
    [ProducesResponseType<IReadOnlyList<JsonObject>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Models([FromQuery(Name = "start_date")] string? startDate, [FromQuery(Name = "end_date")] string? endDate, [FromQuery(Name = "limit")] int? limit, CancellationToken cancellationToken) =>
        ByEntity(SpendEntity.Model, startDate, endDate, limit, e => Row(e, ("model", e.Id)), cancellationToken);

    /// <summary>Spend per end user (customer), most first: <c>end_user</c>, <c>spend</c>.</summary>
    [HttpGet("/spend/end_users")]
    [ProducesResponseType<IReadOnlyList<JsonObject>>(StatusCodes.Status200OK)]
    public Task<IActionResult> EndUsers([FromQuery(Name = "start_date")] string? startDate, [FromQuery(Name = "end_date")] string? endDate, [FromQuery(Name = "limit")] int? limit, CancellationToken cancellationToken) =>
        ByEntity(SpendEntity.EndUser, startDate, endDate, limit, e => Row(e, ("end_user", e.Id)), cancellationToken);

    /// <summary>Spend per request tag, most first, as LiteLLM: <c>individual_request_tag</c>, <c>log_count</c>, <c>total_spend</c>.</summary>
    [HttpGet("/spend/tags")]
    [ProducesResponseType<IReadOnlyList<JsonObject>>(StatusCodes.Status200OK)]
    public Task<IActionResult> Tags([FromQuery(Name = "start_date")] string? startDate, [FromQuery(Name = "end_date")] string? endDate, [FromQuery(Name = "limit")] int? limit, CancellationToken cancellationToken) =>
        ByEntity(
            SpendEntity.Tag,
            startDate,
            endDate,
            limit,
            e => new JsonObject
            {
                ["individual_request_tag"] = e.Id,
                ["log_count"] = e.Requests,
                ["total_spend"] = e.Spend,
                ["prompt_tokens"] = e.PromptTokens,
                ["completion_tokens"] = e.CompletionTokens,
                ["total_tokens"] = e.TotalTokens,
            },
            cancellationToken);

    /// <summary>
    /// Ledger rows, newest first. Filters: <c>api_key</c> (the key or its hash), <c>user_id</c>, <c>team_id</c>,
    /// <c>request_id</c>, <c>start_date</c>, <c>end_date</c> (inclusive). Paging: <c>page</c> (from 1, default 1) and
    /// <c>page_size</c> (default 100, at most 1000).
    /// </summary>
    [HttpGet("/spend/logs")]
    [ProducesResponseType<IReadOnlyList<SpendLogEntry>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Logs(
        [FromQuery(Name = "api_key")] string? apiKey,
        [FromQuery(Name = "user_id")] string? userId,
        [FromQuery(Name = "team_id")] string? teamId,
        [FromQuery(Name = "request_id")] string? requestId,
        [FromQuery(Name = "start_date")] string? startDate,
        [FromQuery(Name = "end_date")] string? endDate,
        [FromQuery(Name = "page")] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        CancellationToken cancellationToken)
    {
        return Answer(
            await Mediator.Send(new GetSpendLogsQuery(apiKey, userId, teamId, requestId, startDate, endDate, page, pageSize, Caller), cancellationToken).ConfigureAwait(false),
            rows => rows);
    }

    /// <summary>
    /// Spend per day and per <c>group_by</c> (<c>team</c>, the default; <c>customer</c>; <c>api_key</c>; <c>model</c>;
    /// <c>tag</c>), each group with its spend per model in <c>metadata</c>:
    /// <c>[{"group_by_day", "teams": [{"team_name", "total_spend", "metadata": [{"model", "spend", "total_tokens"}]}]}]</c>.
    /// </summary>
    [HttpGet("/global/spend/report")]
    [ProducesResponseType<IReadOnlyList<JsonObject>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> GlobalReport(
        [FromQuery(Name = "start_date")] string? startDate,
        [FromQuery(Name = "end_date")] string? endDate,
        [FromQuery(Name = "group_by")] string? groupBy,
        CancellationToken cancellationToken)
    {
        var result = await Mediator.Send(new GetGlobalSpendReportQuery(startDate, endDate, groupBy, Caller), cancellationToken).ConfigureAwait(false);
        var by = SpendGroupByNames.ParseOrDefault(groupBy);
        var (list, name) = by switch
        {
            SpendGroupBy.Customer => ("customers", "customer"),
            SpendGroupBy.ApiKey => ("api_keys", "api_key"),
            SpendGroupBy.Model => ("models", "model"),
            SpendGroupBy.Tag => ("tags", "tag"),
            _ => ("teams", "team_name"),
        };
        return Answer(result, days => days.Select(day => new JsonObject
        {
            ["group_by_day"] = day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            [list] = new JsonArray(day.Groups.Select(g => (JsonNode)Group(g, by, name)).ToArray()),
        }).ToList());
    }

    private static JsonObject Group(GlobalSpendGroup group, SpendGroupBy by, string name)
    {
        var node = new JsonObject
        {
            // LiteLLM names a team by its alias; the id is kept beside it.
            [name] = by == SpendGroupBy.Team ? group.Alias ?? NullIfEmpty(group.Name) : NullIfEmpty(group.Name),
        };
        if (by == SpendGroupBy.Team)
        {
            node["team_id"] = NullIfEmpty(group.Name);
        }
        else if (by == SpendGroupBy.ApiKey)
        {
            node["key_alias"] = group.Alias;
        }

        node["total_spend"] = group.TotalSpend;
        node["total_tokens"] = group.TotalTokens;
        node["api_requests"] = group.Requests;
        node["metadata"] = new JsonArray(group.Models.Select(m => (JsonNode)new JsonObject
        {
            ["model"] = m.Model,
            ["spend"] = m.Spend,
            ["total_tokens"] = m.TotalTokens,
            ["api_requests"] = m.Requests,
        }).ToArray());
        return node;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static JsonObject Row(EntitySpend e, params (string Name, string? Value)[] names)
    {
        var node = new JsonObject();
        foreach (var (name, value) in names)
        {
            node[name] = value;
        }

        node["spend"] = e.Spend;
        node["api_requests"] = e.Requests;
        node["prompt_tokens"] = e.PromptTokens;
        node["completion_tokens"] = e.CompletionTokens;
        node["total_tokens"] = e.TotalTokens;
        return node;
    }

    private async Task<IActionResult> ByEntity(SpendEntity entity, string? startDate, string? endDate, int? limit, Func<EntitySpend, JsonObject> shape, CancellationToken cancellationToken)
    {
        return Answer(
            await Mediator.Send(new GetSpendByEntityQuery(entity, startDate, endDate, limit, Caller), cancellationToken).ConfigureAwait(false),
            rows => rows.Select(shape).ToList());
    }
}

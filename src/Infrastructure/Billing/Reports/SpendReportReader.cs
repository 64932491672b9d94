using System.Text;
using System.Text.Json;
using Dapper;
using LlmPlatform.Application.Billing.Reports;
using LlmPlatform.Infrastructure.Persistence;
using Npgsql;

namespace LlmPlatform.Infrastructure.Billing.Reports;

/// <summary>
/// The report read models with Dapper. Every report but <c>/spend/logs</c> reads the roll-ups the ledger writer keeps
/// (see the reports migration), never the raw ledger; <c>/spend/logs</c> reads <c>spend_logs</c> through its indexes.
/// Statements are built only from the constant fragments below; every value is a parameter.
/// </summary>
internal sealed class SpendReportReader : ISpendReportReader
{
    /// <summary>A non-admin's rows: its key's, its user's and its team's (null parameters match nothing).</summary>
    private const string ScopeFilter = " AND (api_key = @scopeKey OR user_id = @scopeUser OR team_id = @scopeTeam)";

    private const string DailyTotals = """
        sum(spend) AS Spend, sum(requests)::bigint AS Requests, sum(prompt_tokens)::bigint AS PromptTokens,
        sum(completion_tokens)::bigint AS CompletionTokens, sum(total_tokens)::bigint AS TotalTokens
        """;

    private const string KeysSql = "SELECT s.api_key AS Id, k.key_alias AS Alias, k.key_name AS KeyName, s.Spend, s.Requests, "
        + "s.PromptTokens, s.CompletionTokens, s.TotalTokens FROM (SELECT api_key, " + DailyTotals
        + " FROM spend_daily WHERE day BETWEEN @from AND @to {0} GROUP BY api_key) s"
        + " LEFT JOIN virtual_keys k ON k.token = s.api_key ORDER BY s.Spend DESC, s.api_key LIMIT @limit";

    private const string UsersSql = "SELECT s.user_id AS Id, u.user_email AS Alias, s.Spend, s.Requests, "
        + "s.PromptTokens, s.CompletionTokens, s.TotalTokens FROM (SELECT user_id, " + DailyTotals
        + " FROM spend_daily WHERE day BETWEEN @from AND @to AND user_id <> '' {0} GROUP BY user_id) s"
        + " LEFT JOIN users u ON u.user_id = s.user_id ORDER BY s.Spend DESC, s.user_id LIMIT @limit";

    private const string TeamsSql = "SELECT s.team_id AS Id, t.team_alias AS Alias, s.Spend, s.Requests, "
        + "s.PromptTokens, s.CompletionTokens, s.TotalTokens FROM (SELECT team_id, " + DailyTotals
        + " FROM spend_daily WHERE day BETWEEN @from AND @to AND team_id <> '' {0} GROUP BY team_id) s"
        + " LEFT JOIN teams t ON t.team_id = s.team_id ORDER BY s.Spend DESC, s.team_id LIMIT @limit";

    private const string EndUsersSql = "SELECT end_user AS Id, " + DailyTotals
        + " FROM spend_daily WHERE day BETWEEN @from AND @to AND end_user <> '' {0} GROUP BY end_user"
        + " ORDER BY Spend DESC, end_user LIMIT @limit";

    private const string ModelsSql = "SELECT model_group AS Id, " + DailyTotals
        + " FROM spend_daily WHERE day BETWEEN @from AND @to AND model_group <> '' {0} GROUP BY model_group"
        + " ORDER BY Spend DESC, model_group LIMIT @limit";

    private const string TagsSql = "SELECT tag AS Id, " + DailyTotals
        + " FROM spend_daily_tags WHERE day BETWEEN @from AND @to {0} GROUP BY tag ORDER BY Spend DESC, tag LIMIT @limit";

    private const string GlobalTotals = "sum(spend) AS Spend, sum(total_tokens)::bigint AS TotalTokens, sum(requests)::bigint AS Requests";

    private const string GlobalTeamSql = "SELECT s.Day, s.team_id AS \"Group\", t.team_alias AS Alias, s.Model, s.Spend, s.TotalTokens, s.Requests"
        + " FROM (SELECT day AS Day, team_id, model_group AS Model, " + GlobalTotals
        + " FROM spend_daily WHERE day BETWEEN @from AND @to {0} GROUP BY day, team_id, model_group) s"
        + " LEFT JOIN teams t ON t.team_id = s.team_id";

    private const string GlobalKeySql = "SELECT s.Day, s.api_key AS \"Group\", k.key_alias AS Alias, s.Model, s.Spend, s.TotalTokens, s.Requests"
        + " FROM (SELECT day AS Day, api_key, model_group AS Model, " + GlobalTotals
        + " FROM spend_daily WHERE day BETWEEN @from AND @to {0} GROUP BY day, api_key, model_group) s"
        + " LEFT JOIN virtual_keys k ON k.token = s.api_key";

    private const string GlobalCustomerSql = "SELECT day AS Day, end_user AS \"Group\", model_group AS Model, " + GlobalTotals
        + " FROM spend_daily WHERE day BETWEEN @from AND @to {0} GROUP BY day, end_user, model_group";

    private const string GlobalModelSql = "SELECT day AS Day, model_group AS \"Group\", model_group AS Model, " + GlobalTotals
        + " FROM spend_daily WHERE day BETWEEN @from AND @to {0} GROUP BY day, model_group";

    private const string GlobalTagSql = "SELECT day AS Day, tag AS \"Group\", model_group AS Model, " + GlobalTotals
        + " FROM spend_daily_tags WHERE day BETWEEN @from AND @to {0} GROUP BY day, tag, model_group";

    /// <summary>Admins read the '*' rows (every key of a bucket and model); others their own rows, never the '*' ones.</summary>
    private const string UsageAllFilter = " AND api_key = '*'";

    private const string UsageScopeFilter = " AND api_key <> '*'" + ScopeFilter;

    private const string UsageModelFilter = " AND model_group = @model";

    private const string UsageSql = """
        WITH picked AS (SELECT {0} AS bucket, model_group, requests, prompt_tokens, completion_tokens, total_tokens, spend, latency
            FROM {1} WHERE {0} >= @fromBucket AND {0} < @toBucket {2}),
        totals AS (SELECT bucket, model_group, sum(requests)::bigint AS requests, sum(prompt_tokens)::bigint AS prompt_tokens,
            sum(completion_tokens)::bigint AS completion_tokens, sum(total_tokens)::bigint AS total_tokens, sum(spend) AS spend
            FROM picked GROUP BY bucket, model_group),
        histograms AS (SELECT bucket, model_group, array_agg(n ORDER BY i) AS latency
            FROM (SELECT bucket, model_group, i, sum(c)::bigint AS n
                FROM picked CROSS JOIN LATERAL unnest(latency) WITH ORDINALITY AS u(c, i) GROUP BY bucket, model_group, i) h
            GROUP BY bucket, model_group)
        SELECT t.bucket AS Bucket, t.model_group AS Model, t.requests AS Requests, t.prompt_tokens AS PromptTokens,
            t.completion_tokens AS CompletionTokens, t.total_tokens AS TotalTokens, t.spend AS Spend, h.latency AS Latency
        FROM totals t JOIN histograms h ON h.bucket = t.bucket AND h.model_group = t.model_group
        ORDER BY t.bucket, t.model_group
        """;

    private const string TotalsSql = """
        SELECT coalesce(sum(requests), 0)::bigint AS Requests, coalesce(sum(total_tokens), 0)::bigint AS Tokens,
            coalesce(sum(spend), 0) AS Cost
        FROM spend_usage_daily WHERE day BETWEEN @from AND @to {0}
        """;

    private const string LogColumns = """
        request_id AS RequestId, call_type AS CallType, api_key AS ApiKey, key_alias AS KeyAlias, spend AS Spend,
        total_tokens AS TotalTokens, prompt_tokens AS PromptTokens, completion_tokens AS CompletionTokens,
        start_time AS StartTime, end_time AS EndTime, first_token_time AS CompletionStartTime, deployment_id AS ModelId,
        model_group AS ModelGroup, provider AS Provider, api_base AS ApiBase, user_id AS UserId, team_id AS TeamId,
        organization_id AS OrganizationId, end_user AS EndUser, status AS Status, error_type AS ErrorType,
        cache_hit AS CacheHit, stream AS Stream, attempts AS Attempts, tags::text AS Tags, metadata::text AS Metadata
        """;

    private const string LogsSql = "SELECT " + LogColumns + " FROM spend_logs WHERE true";
    private const string LogsKeyFilter = " AND api_key = @key";
    private const string LogsUserFilter = " AND user_id = @user";
    private const string LogsTeamFilter = " AND team_id = @team";
    private const string LogsRequestFilter = " AND request_id = @requestId";
    private const string LogsFromFilter = " AND start_time >= @fromTime";
    private const string LogsToFilter = " AND start_time < @toTime";
    private const string LogsPage = " ORDER BY start_time DESC, request_id DESC LIMIT @pageSize OFFSET @offset";

    private readonly NpgsqlDataSource _dataSource;

    public SpendReportReader(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public async Task<IReadOnlyList<EntitySpend>> SpendByAsync(SpendEntity entity, ReportScope scope, ReportPeriod? period, int limit, CancellationToken cancellationToken)
    {
        var template = entity switch
        {
            SpendEntity.Key => KeysSql,
            SpendEntity.User => UsersSql,
            SpendEntity.Team => TeamsSql,
            SpendEntity.EndUser => EndUsersSql,
            SpendEntity.Model => ModelsSql,
            SpendEntity.Tag => TagsSql,
            _ => throw new ArgumentOutOfRangeException(nameof(entity)),
        };
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, scope.Everything ? string.Empty : ScopeFilter);
        var parameters = ScopeParameters(scope);
        AddDays(parameters, period ?? new ReportPeriod(DateOnly.MinValue, DateOnly.MaxValue));
        parameters.Add("limit", limit);
        var rows = await _dataSource.QueryListAsync<EntityRow>(sql, parameters, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToSpend()).ToList();
    }

    public async Task<IReadOnlyList<GlobalSpendRow>> GlobalAsync(SpendGroupBy groupBy, ReportScope scope, ReportPeriod period, CancellationToken cancellationToken)
    {
        var template = groupBy switch
        {
            SpendGroupBy.Team => GlobalTeamSql,
            SpendGroupBy.ApiKey => GlobalKeySql,
            SpendGroupBy.Customer => GlobalCustomerSql,
            SpendGroupBy.Model => GlobalModelSql,
            SpendGroupBy.Tag => GlobalTagSql,
            _ => throw new ArgumentOutOfRangeException(nameof(groupBy)),
        };
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, scope.Everything ? string.Empty : ScopeFilter);
        var parameters = ScopeParameters(scope);
        AddDays(parameters, period);
        var rows = await _dataSource.QueryListAsync<GlobalRow>(sql, parameters, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new GlobalSpendRow
        {
            Day = DateOnly.FromDateTime(r.Day),
            Group = r.Group ?? string.Empty,
            Alias = r.Alias,
            Model = r.Model ?? string.Empty,
            Spend = r.Spend,
            TotalTokens = r.TotalTokens,
            Requests = r.Requests,
        }).ToList();
    }

    public async Task<IReadOnlyList<UsageRow>> UsageAsync(UsageGranularity granularity, ReportScope scope, ReportPeriod period, string? model, CancellationToken cancellationToken)
    {
        var filter = (scope.Everything ? UsageAllFilter : UsageScopeFilter) + (model is null ? string.Empty : UsageModelFilter);
        var sql = granularity == UsageGranularity.Hour
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, UsageSql, "hour", "spend_usage_hourly", filter)
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, UsageSql, "day", "spend_usage_daily", filter);
        var parameters = ScopeParameters(scope);
        var type = granularity == UsageGranularity.Hour ? System.Data.DbType.DateTime2 : System.Data.DbType.Date;
        parameters.Add("fromBucket", period.From.ToDateTime(TimeOnly.MinValue), type);
        parameters.Add("toBucket", period.To.AddDays(1).ToDateTime(TimeOnly.MinValue), type);
        parameters.Add("model", model);
        var rows = await _dataSource.QueryListAsync<UsageDbRow>(sql, parameters, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new UsageRow
        {
            Bucket = DateTime.SpecifyKind(r.Bucket, DateTimeKind.Utc),
            Model = r.Model ?? string.Empty,
            Requests = r.Requests,
            PromptTokens = r.PromptTokens,
            CompletionTokens = r.CompletionTokens,
            TotalTokens = r.TotalTokens,
            Spend = r.Spend,
            Latency = r.Latency ?? [],
        }).ToList();
    }

    public async Task<UsageTotal> TotalsAsync(ReportScope scope, ReportPeriod period, CancellationToken cancellationToken)
    {
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, TotalsSql, scope.Everything ? UsageAllFilter : UsageScopeFilter);
        var parameters = ScopeParameters(scope);
        AddDays(parameters, period);
        var row = await _dataSource.QuerySingleOrDefaultAsync<TotalsRow>(sql, parameters, cancellationToken).ConfigureAwait(false);
        return row is null ? new UsageTotal(0, 0, 0m) : new UsageTotal(row.Requests, row.Tokens, row.Cost);
    }

    public async Task<IReadOnlyList<SpendLogEntry>> LogsAsync(SpendLogFilter filter, ReportScope scope, CancellationToken cancellationToken)
    {
        var (sql, parameters) = LogsStatement(filter, scope);
        var rows = await _dataSource.QueryListAsync<LogRow>(sql, parameters, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.ToEntry()).ToList();
    }

    /// <summary>The statement of <c>/spend/logs</c>: the constant fragments of the given filters, with their parameters.</summary>
    internal static (string Sql, DynamicParameters Parameters) LogsStatement(SpendLogFilter filter, ReportScope scope)
    {
        var sql = new StringBuilder(LogsSql);
        var parameters = ScopeParameters(scope);
        if (!scope.Everything)
        {
            sql.Append(ScopeFilter);
        }

        if (filter.KeyHash is not null)
        {
            sql.Append(LogsKeyFilter);
            parameters.Add("key", filter.KeyHash);
        }

        if (filter.UserId is not null)
        {
            sql.Append(LogsUserFilter);
            parameters.Add("user", filter.UserId);
        }

        if (filter.TeamId is not null)
        {
            sql.Append(LogsTeamFilter);
            parameters.Add("team", filter.TeamId);
        }

        if (filter.RequestId is not null)
        {
            sql.Append(LogsRequestFilter);
            parameters.Add("requestId", filter.RequestId);
        }

        if (filter.Period is { } period)
        {
            if (period.From != DateOnly.MinValue)
            {
                sql.Append(LogsFromFilter);
                parameters.Add("fromTime", new DateTimeOffset(period.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            }

            if (period.To != DateOnly.MaxValue)
            {
                sql.Append(LogsToFilter);
                parameters.Add("toTime", new DateTimeOffset(period.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            }
        }

        sql.Append(LogsPage);
        parameters.Add("pageSize", filter.PageSize);
        parameters.Add("offset", (long)(filter.Page - 1) * filter.PageSize);
        return (sql.ToString(), parameters);
    }

    /// <summary>The SQL of a report, as the reader would run it, for the plan tests.</summary>
    internal static string UsageStatement(UsageGranularity granularity, bool everything) =>
        granularity == UsageGranularity.Hour
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, UsageSql, "hour", "spend_usage_hourly", everything ? UsageAllFilter : UsageScopeFilter)
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, UsageSql, "day", "spend_usage_daily", everything ? UsageAllFilter : UsageScopeFilter);

    /// <summary>The SQL of <c>/global/spend/report</c> grouped by team for an admin, for the plan tests.</summary>
    internal static string GlobalTeamStatement => string.Format(System.Globalization.CultureInfo.InvariantCulture, GlobalTeamSql, string.Empty);

    /// <summary>The SQL of <c>/spend/keys</c> for an admin, for the plan tests.</summary>
    internal static string KeysStatement => string.Format(System.Globalization.CultureInfo.InvariantCulture, KeysSql, string.Empty);

    private static DynamicParameters ScopeParameters(ReportScope scope)
    {
        var parameters = new DynamicParameters();
        if (!scope.Everything)
        {
            parameters.Add("scopeKey", scope.KeyHash);
            parameters.Add("scopeUser", scope.UserId, System.Data.DbType.String);
            parameters.Add("scopeTeam", scope.TeamId, System.Data.DbType.String);
        }

        return parameters;
    }

    private static void AddDays(DynamicParameters parameters, ReportPeriod period)
    {
        parameters.Add("from", period.From.ToDateTime(TimeOnly.MinValue), System.Data.DbType.Date);
        parameters.Add("to", period.To.ToDateTime(TimeOnly.MinValue), System.Data.DbType.Date);
    }

    private sealed record EntityRow
    {
        public string Id { get; init; } = string.Empty;

        public string? Alias { get; init; }

        public string? KeyName { get; init; }

        public decimal Spend { get; init; }

        public long Requests { get; init; }

        public long PromptTokens { get; init; }

        public long CompletionTokens { get; init; }

        public long TotalTokens { get; init; }

        public EntitySpend ToSpend() => new()
        {
            Id = Id,
            Alias = Alias,
            KeyName = KeyName,
            Spend = Spend,
            Requests = Requests,
            PromptTokens = PromptTokens,
            CompletionTokens = CompletionTokens,
            TotalTokens = TotalTokens,
        };
    }

    private sealed record GlobalRow
    {
        public DateTime Day { get; init; }

        public string? Group { get; init; }

        public string? Alias { get; init; }

        public string? Model { get; init; }

        public decimal Spend { get; init; }

        public long TotalTokens { get; init; }

        public long Requests { get; init; }
    }

    private sealed record UsageDbRow
    {
        public DateTime Bucket { get; init; }

        public string? Model { get; init; }

        public long Requests { get; init; }

        public long PromptTokens { get; init; }

        public long CompletionTokens { get; init; }

        public long TotalTokens { get; init; }

        public decimal Spend { get; init; }

        public long[]? Latency { get; init; }
    }

    private sealed record TotalsRow
    {
        public long Requests { get; init; }

        public long Tokens { get; init; }

        public decimal Cost { get; init; }
    }

    private sealed record LogRow
    {
        public string RequestId { get; init; } = string.Empty;

        public string CallType { get; init; } = string.Empty;

        public string ApiKey { get; init; } = string.Empty;

        public string? KeyAlias { get; init; }

        public decimal Spend { get; init; }

        public long TotalTokens { get; init; }

        public long PromptTokens { get; init; }

        public long CompletionTokens { get; init; }

        public DateTime StartTime { get; init; }

        public DateTime EndTime { get; init; }

        public DateTime? CompletionStartTime { get; init; }

        public string? ModelId { get; init; }

        public string? ModelGroup { get; init; }

        public string? Provider { get; init; }

        public string? ApiBase { get; init; }

        public string? UserId { get; init; }

        public string? TeamId { get; init; }

        public string? OrganizationId { get; init; }

        public string? EndUser { get; init; }

        public string Status { get; init; } = string.Empty;

        public string? ErrorType { get; init; }

        public bool CacheHit { get; init; }

        public bool Stream { get; init; }

        public int Attempts { get; init; }

        public string? Tags { get; init; }

        public string? Metadata { get; init; }

        public SpendLogEntry ToEntry() => new()
        {
            RequestId = RequestId,
            CallType = CallType,
            ApiKey = ApiKey,
            KeyAlias = KeyAlias,
            Spend = Spend,
            TotalTokens = TotalTokens,
            PromptTokens = PromptTokens,
            CompletionTokens = CompletionTokens,
            StartTime = Utc(StartTime),
            EndTime = Utc(EndTime),
            CompletionStartTime = CompletionStartTime is { } first ? Utc(first) : null,
            Model = ModelGroup,
            ModelId = ModelId,
            ModelGroup = ModelGroup,
            CustomLlmProvider = Provider,
            ApiBase = ApiBase,
            User = UserId,
            TeamId = TeamId,
            OrganizationId = OrganizationId,
            EndUser = EndUser,
            Status = Status,
            ErrorType = ErrorType,
            CacheHit = CacheHit,
            Stream = Stream,
            Attempts = Attempts,
            RequestTags = ReadTags(Tags),
            Metadata = Metadata is null ? null : JsonDocument.Parse(Metadata).RootElement.Clone(),
        };

        private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

        private static IReadOnlyList<string> ReadTags(string? json)
        {
            if (json is null)
            {
                return [];
            }

            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
        }
    }
}

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>The bounds of the report endpoints' parameters.</summary>
public static class SpendReportLimits
{
    public const int DefaultEntities = 1000;

    public const int MaxEntities = 10000;

    public const int DefaultPageSize = 100;

    public const int MaxPageSize = 1000;

    /// <summary>The longest period an hourly <c>/usage</c> report may span.</summary>
    public const int MaxHourlyDays = 31;

    /// <summary>The longest period a daily report may span.</summary>
    public const int MaxDailyDays = 3 * 366;
}

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>What <c>/global/spend/report</c> groups each day's spend by (<c>group_by</c>).</summary>
public enum SpendGroupBy
{
    Team,
    Customer,
    ApiKey,
    Model,
    Tag,
}

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>The bucket size of <c>GET /usage</c>.</summary>
public enum UsageGranularity
{
    Day,
    Hour,
}

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>A range of whole UTC days, both ends included.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

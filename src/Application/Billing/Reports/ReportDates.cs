using System.Globalization;

namespace LlmPlatform.Application.Billing.Reports;

/// <summary>
/// Reads the <c>start_date</c> and <c>end_date</c> of the reports: <c>YYYY-MM-DD</c>, or an ISO 8601 timestamp whose
/// UTC day is used. Reports count whole UTC days and <c>end_date</c> is included.
/// </summary>
public static class ReportDates
{
    public static bool TryParse(string? text, out DateOnly day)
    {
        day = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return true;
        }

        if (trimmed.Length > 10 && trimmed[10] is 'T' or 't' or ' '
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            day = DateOnly.FromDateTime(instant.UtcDateTime);
            return true;
        }

        return false;
    }

    /// <summary>True when the text is absent or a date <see cref="TryParse"/> reads.</summary>
    public static bool IsAbsentOrValid(string? text) => string.IsNullOrEmpty(text) || TryParse(text, out _);

    /// <summary>False only when both dates are given, valid, and the end is before the start.</summary>
    public static bool InOrder(string? start, string? end) =>
        !TryParse(start, out var from) || !TryParse(end, out var to) || from <= to;

    /// <summary>
    /// The period of the two dates, each defaulting (a missing end is today, a missing start is
    /// <paramref name="defaultDays"/> days up to the end); call after validation.
    /// </summary>
    public static ReportPeriod Period(string? start, string? end, DateOnly today, int defaultDays)
    {
        var to = TryParse(end, out var parsedEnd) ? parsedEnd : today;
        var from = TryParse(start, out var parsedStart) ? parsedStart : to.AddDays(1 - defaultDays);
        return new ReportPeriod(from, to);
    }

    /// <summary>The period when either date is given, else null (no limit); call after validation.</summary>
    public static ReportPeriod? OptionalPeriod(string? start, string? end)
    {
        var hasStart = TryParse(start, out var from);
        var hasEnd = TryParse(end, out var to);
        if (!hasStart && !hasEnd)
        {
            return null;
        }

        return new ReportPeriod(hasStart ? from : DateOnly.MinValue, hasEnd ? to : DateOnly.MaxValue);
    }

    public const string Message = "must be a date as YYYY-MM-DD (or an ISO 8601 timestamp).";
}

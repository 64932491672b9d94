using System.Globalization;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Domain.Access;

/// <summary>
/// A budget's reset window, written as LiteLLM writes it: <c>30s</c>, <c>10m</c>, <c>1h</c>, <c>30d</c>, <c>1w</c> or <c>1mo</c>.
/// Windows are aligned to the Unix epoch (months to calendar months, UTC) so every node computes the same window.
/// </summary>
public sealed record BudgetDuration
{
    private BudgetDuration(string text, TimeSpan fixedLength, int months)
    {
        Text = text;
        FixedLength = fixedLength;
        Months = months;
    }

    public string Text { get; }

    /// <summary>The window's length when it is not counted in months.</summary>
    public TimeSpan FixedLength { get; }

    /// <summary>The window's length in calendar months, or 0.</summary>
    public int Months { get; }

    public static bool TryParse(string? text, out BudgetDuration? duration)
    {
        duration = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var unitStart = 0;
        while (unitStart < trimmed.Length && char.IsAsciiDigit(trimmed[unitStart]))
        {
            unitStart++;
        }

        if (unitStart == 0 || unitStart > 9
            || !int.TryParse(trimmed.AsSpan(0, unitStart), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || amount <= 0)
        {
            return false;
        }

        var unit = trimmed[unitStart..];
        TimeSpan length;
        switch (unit)
        {
            case "s":
                length = TimeSpan.FromSeconds(amount);
                break;
            case "m":
                length = TimeSpan.FromMinutes(amount);
                break;
            case "h":
                length = TimeSpan.FromHours(amount);
                break;
            case "d":
                length = TimeSpan.FromDays(amount);
                break;
            case "w":
                length = TimeSpan.FromDays(7.0 * amount);
                break;
            case "mo":
                if (amount > 1200)
                {
                    return false;
                }

                duration = new BudgetDuration(trimmed, TimeSpan.Zero, amount);
                return true;
            default:
                return false;
        }

        if (length > TimeSpan.FromDays(3660))
        {
            return false;
        }

        duration = new BudgetDuration(trimmed, length, 0);
        return true;
    }

    public static BudgetDuration Parse(string text) =>
        TryParse(text, out var duration) ? duration! : throw new DomainException($"'{text}' is not a budget duration.");

    /// <summary>The start of the window that holds <paramref name="now"/>.</summary>
    public DateTimeOffset WindowStart(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        if (Months > 0)
        {
            var monthIndex = (((utc.Year - 1970) * 12) + utc.Month - 1) / Months * Months;
            return new DateTimeOffset(1970 + (monthIndex / 12), (monthIndex % 12) + 1, 1, 0, 0, 0, TimeSpan.Zero);
        }

        var ticks = (utc - DateTimeOffset.UnixEpoch).Ticks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks - (ticks % FixedLength.Ticks));
    }

    /// <summary>When the window that holds <paramref name="now"/> ends and the budget resets.</summary>
    public DateTimeOffset WindowEnd(DateTimeOffset now)
    {
        var start = WindowStart(now);
        return Months > 0 ? start.AddMonths(Months) : start + FixedLength;
    }
}

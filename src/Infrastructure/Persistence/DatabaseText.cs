using System.Text;
using Npgsql;

namespace LlmPlatform.Infrastructure.Persistence;

/// <summary>
/// What PostgreSQL text cannot hold: U+0000 (rejected by <c>text</c> and by <c>jsonb</c>'s <c>\u0000</c>), and an
/// unpaired UTF-16 surrogate (not encodable as UTF-8). A client can send both inside a JSON string.
/// </summary>
public static class DatabaseText
{
    /// <summary>What a request is told when <see cref="Rejected"/> holds for the error it caused.</summary>
    public const string RejectedMessage = "A text value in the request contains a character that cannot be stored: U+0000 (NUL) or an unpaired surrogate.";

    private const char Replacement = '\uFFFD';

    /// <summary>
    /// The value with every character PostgreSQL cannot store replaced by U+FFFD; the same instance when there is none.
    /// For rows that must be written whatever a client sent (the spend ledger), where one bad character must not
    /// hold back the rows behind it.
    /// </summary>
    public static string? Storable(string? value)
    {
        if (value is null || FirstUnstorable(value) is not { } first)
        {
            return value;
        }

        var text = new StringBuilder(value.Length).Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
            }
            else
            {
                text.Append(c == '\0' || char.IsSurrogate(c) ? Replacement : c);
            }
        }

        return text.ToString();
    }

    /// <summary>Whether PostgreSQL can store the value as it is: no U+0000 and no unpaired surrogate.</summary>
    public static bool IsStorable(string value) => FirstUnstorable(value) is null;

    /// <summary>The values, each made storable (<see cref="Storable(string?)"/>); the same list when none had to change.</summary>
    public static IReadOnlyList<string> Storable(IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!ReferenceEquals(Storable(values[i]), values[i]))
            {
                return values.Select(v => Storable(v)!).ToList();
            }
        }

        return values;
    }

    /// <summary>Where the first NUL or unpaired surrogate is; null when there is none.</summary>
    private static int? FirstUnstorable(string value)
    {
        var span = value.AsSpan();
        var nul = span.IndexOf('\0');
        var surrogate = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (surrogate >= 0 && (nul < 0 || surrogate < nul))
        {
            if (!char.IsHighSurrogate(span[surrogate]) || surrogate + 1 == span.Length || !char.IsLowSurrogate(span[surrogate + 1]))
            {
                return surrogate;
            }

            var next = span[(surrogate + 2)..].IndexOfAnyInRange('\uD800', '\uDFFF');
            surrogate = next < 0 ? -1 : surrogate + 2 + next;
        }

        return nul < 0 ? null : nul;
    }

    /// <summary>
    /// Whether the database (or the driver, encoding a parameter) refused a text value for such a character: one case of
    /// <see cref="DataRejection"/>, character_not_in_repertoire ("invalid byte sequence for encoding UTF8: 0x00") or
    /// untranslatable_character (jsonb's "unsupported Unicode escape sequence").
    /// </summary>
    public static bool Rejected(Exception exception) =>
        DataRejection.Code(exception) is PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter;
}

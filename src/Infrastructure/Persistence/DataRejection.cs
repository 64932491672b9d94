using System.Text;
using Npgsql;

namespace LlmPlatform.Infrastructure.Persistence;

/// <summary>
/// Whether PostgreSQL refused a statement for the data in it rather than for the state of the server or the
/// connection: SQLSTATE class 22 (data exception: a numeric overflow, text it cannot store, a malformed value), class 23
/// (integrity constraint violation: a check, a not-null, a foreign key), 54000 (a value too large for an index entry,
/// such as a key of many kilobytes of text that does not compress), or the driver could not encode a text value.
/// Sending the same rows again fails the same way every time, so a writer that retries until an outage passes must
/// set such rows apart instead; any other error (a lost connection, a server shutting down, a serialization failure)
/// may pass on another try.
/// </summary>
public static class DataRejection
{
    public static bool IsPermanent(Exception exception) => Code(exception) is not null;

    /// <summary>
    /// The SQLSTATE of a data rejection (for text the driver could not encode, 22021, as the server answers for it);
    /// null for any other error.
    /// </summary>
    public static string? Code(Exception exception) => exception switch
    {
        PostgresException { SqlState: var state }
            when state.StartsWith("22", StringComparison.Ordinal) || state.StartsWith("23", StringComparison.Ordinal) || state == PostgresErrorCodes.ProgramLimitExceeded => state,
        EncoderFallbackException => PostgresErrorCodes.CharacterNotInRepertoire,
        _ => exception.InnerException is { } inner ? Code(inner) : null,
    };

    /// <summary>Whether a value was too large for PostgreSQL to index (an id or a name of many kilobytes).</summary>
    public static bool TooLarge(Exception exception) => Code(exception) == PostgresErrorCodes.ProgramLimitExceeded;
}

using System.Text;
using Npgsql;

namespace LlmPlatform.Infrastructure.Persistence;

/// <summary>
/// Whether PostgreSQL refused a statement for the data in it rather than for the state of the server or the
/// connection: SQLSTATE class 22 (data exception: a numeric overflow, text it cannot store, a malformed value) or 23
/// (integrity constraint violation: a check, a not-null, a foreign key), or the driver could not encode a text value.
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
        PostgresException { SqlState: var state } when state.StartsWith("22", StringComparison.Ordinal) || state.StartsWith("23", StringComparison.Ordinal) => state,
        EncoderFallbackException => PostgresErrorCodes.CharacterNotInRepertoire,
        _ => exception.InnerException is { } inner ? Code(inner) : null,
    };
}

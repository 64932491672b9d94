namespace LlmPlatform.Application.Common.Idempotency;

/// <summary>
/// Remembers the answers to requests sent with an <c>Idempotency-Key</c>, per caller, so that a retried request gets
/// the first answer instead of doing its work twice.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims the key for a request (by the hash of its method, path and body), or says what is already there: the
    /// stored answer, a first request still running, or a different request under the same key.
    /// </summary>
    Task<IdempotencyClaim> ClaimAsync(string scope, string key, string requestHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Stores the answer of a claimed request.</summary>
    Task CompleteAsync(string scope, string key, int statusCode, string? contentType, byte[] body, CancellationToken cancellationToken);

    /// <summary>Lets the key go again (the request failed in a way a retry may fix).</summary>
    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken);
}

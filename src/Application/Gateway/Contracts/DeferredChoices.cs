namespace LlmPlatform.Application.Gateway.Contracts;

/// <summary>
/// An answer's choices, checked as the upstream sent them but not yet built: an answer relayed as the upstream's
/// bytes never needs them, so its text is never made into strings. Shared by an answer and its <c>with</c> copies;
/// once the bytes are handed over (and go back to their pool) it refuses to build rather than read reused memory.
/// </summary>
internal sealed class DeferredChoices(ReadOnlyMemory<byte> json, Func<ReadOnlyMemory<byte>, IReadOnlyList<ChatChoice>> read)
{
    private bool _released;

    /// <summary>Builds the choices; the bytes were checked already, so this does not fail on them.</summary>
    public IReadOnlyList<ChatChoice> Build() => _released
        ? throw new InvalidOperationException("The answer was relayed as the upstream's bytes; its choices were not kept.")
        : read(json);

    /// <summary>The bytes are no longer this answer's.</summary>
    public void Release() => _released = true;
}

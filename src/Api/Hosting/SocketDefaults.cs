namespace LlmPlatform.Api.Hosting;

/// <summary>
/// Keeps socket completions off the runtime's socket event threads, even when the environment asks for them there.
/// </summary>
/// <remarks>
/// With <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1</c> a completed socket read runs its continuation on the
/// event thread that saw the socket ready. The PostgreSQL driver, under Dapper's sequential reads, reads a column
/// value that has not all arrived yet synchronously; on an event thread that read waits for an event only the same
/// thread can deliver, so it and every socket it serves (clients, upstreams) stop until the command times out.
/// Measured: with the switch on, reading back a key whose metadata is 3 MB left <c>/key/info</c> unanswered for a
/// minute. Kestrel still runs a request on the thread whose read completed (see <c>ApiHost</c>); with this switch
/// off that is a thread-pool thread, where such a wait holds up only itself.
/// </remarks>
internal static class SocketDefaults
{
    /// <summary>The runtime's switch; it reads it once, when the first socket is created, so it is set before that.</summary>
    public const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Turns inline completions off.</summary>
    /// <returns>The environment's value when it asked to turn them on; otherwise null.</returns>
    public static string? Apply()
    {
        var requested = Environment.GetEnvironmentVariable(InlineCompletions);
        Environment.SetEnvironmentVariable(InlineCompletions, "0");
        // The runtime reads the switch as on for "1" or "true" (any case); anything else already meant off.
        return requested == "1" || string.Equals(requested, "true", StringComparison.OrdinalIgnoreCase) ? requested : null;
    }
}

using Microsoft.AspNetCore.Http;

namespace LlmPlatform.FakeUpstream;

/// <summary>Paces a fake's streamed frames: the behaviour's delay between frames, and the reset after N frames.</summary>
internal sealed class FakeStream
{
    private static readonly TimeSpan ResetGrace = TimeSpan.FromMilliseconds(200);

    private readonly HttpContext _context;
    private readonly Behavior _behavior;
    private int _sent;

    public FakeStream(HttpContext context, Behavior behavior)
    {
        _context = context;
        _behavior = behavior;
    }

    /// <summary>Writes one frame and flushes it; false (after aborting the connection) when the script resets here.</summary>
    public async Task<bool> SendAsync(Func<HttpContext, Task> write)
    {
        if (_behavior.Kind == BehaviorKind.ResetMidStream && _sent == _behavior.ChunksBeforeReset)
        {
            // A reset discards what the peer has not read yet: give the frames already sent time to arrive.
            await Task.Delay(ResetGrace, _context.RequestAborted).ConfigureAwait(false);
            FakeHttp.Abort(_context);
            return false;
        }

        await write(_context).ConfigureAwait(false);
        await _context.Response.Body.FlushAsync(_context.RequestAborted).ConfigureAwait(false);
        _sent++;
        if (_behavior.ChunkDelay > TimeSpan.Zero)
        {
            await Task.Delay(_behavior.ChunkDelay, _context.RequestAborted).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Sends one Server-Sent Event.</summary>
    public Task<bool> EventAsync(string? eventName, string data) =>
        SendAsync(ctx => FakeHttp.WriteEventAsync(ctx, eventName, data));

    /// <summary>Sends each frame in turn; false as soon as one was not sent.</summary>
    public async Task<bool> AllAsync(IEnumerable<Func<Task<bool>>> frames)
    {
        foreach (var frame in frames)
        {
            if (!await frame().ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }
}

namespace LlmPlatform.Application.Gateway.PassThrough;

/// <summary>The upstream's answer, relayed as is: status, end-to-end headers, and the body as a stream to copy through.</summary>
public sealed class PassThroughResponse : IAsyncDisposable
{
    private readonly IDisposable _owner;

    public PassThroughResponse(int status, IReadOnlyList<KeyValuePair<string, string>> headers, Stream body, IDisposable owner)
    {
        Status = status;
        Headers = headers;
        Body = body;
        _owner = owner;
    }

    public int Status { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public Stream Body { get; }

    public async ValueTask DisposeAsync()
    {
        await Body.DisposeAsync().ConfigureAwait(false);
        _owner.Dispose();
    }
}

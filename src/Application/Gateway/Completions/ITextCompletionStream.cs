using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway.Completions;

/// <summary>A streamed legacy completion: the next chunk, null at the end, or an error that ended the stream.</summary>
public interface ITextCompletionStream : IAsyncDisposable
{
    ValueTask<Result<TextCompletionResponse?>> ReadAsync(CancellationToken cancellationToken);
}

using LlmPlatform.Application.Gateway.Contracts;
using LlmPlatform.Domain.Common;

namespace LlmPlatform.Application.Gateway;

/// <summary>
/// An upstream stream translated to OpenAI chunks. <see cref="ReadAsync"/> returns the next chunk, null at
/// the end, or an error when the upstream fails in the middle of the stream.
/// </summary>
public interface IChatCompletionStream : IAsyncDisposable
{
    ValueTask<Result<ChatCompletionChunk?>> ReadAsync(CancellationToken cancellationToken);
}

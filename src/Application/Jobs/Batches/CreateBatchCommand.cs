using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.Batches;

/// <summary>Creates a batch over an uploaded <c>batch</c> file; the executor validates and runs it.</summary>
public sealed record CreateBatchCommand(
    CallerIdentity Caller,
    string? InputFileId,
    string? Endpoint,
    string? CompletionWindow,
    IReadOnlyDictionary<string, string>? Metadata) : ICommand<BatchObject>;

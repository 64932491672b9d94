using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.Batches;

/// <summary>One batch.</summary>
public sealed record GetBatchQuery(CallerIdentity Caller, string Id) : IQuery<BatchObject>;

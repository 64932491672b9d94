using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.Batches;

/// <summary>The caller's batches, newest first, a page at a time.</summary>
public sealed record ListBatchesQuery(CallerIdentity Caller, int? Limit, string? After) : IQuery<ListPage<BatchObject>>;

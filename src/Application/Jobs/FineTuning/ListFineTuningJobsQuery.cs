using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>The caller's fine-tuning jobs, newest first, a page at a time.</summary>
public sealed record ListFineTuningJobsQuery(CallerIdentity Caller, int? Limit, string? After) : IQuery<ListPage<FineTuningJobObject>>;

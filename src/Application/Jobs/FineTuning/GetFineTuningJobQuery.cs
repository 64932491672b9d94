using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>One fine-tuning job, from the local mirror.</summary>
public sealed record GetFineTuningJobQuery(CallerIdentity Caller, string Id) : IQuery<FineTuningJobObject>;

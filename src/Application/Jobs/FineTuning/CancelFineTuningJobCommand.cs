using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>Cancels the job at the provider and mirrors the cancellation.</summary>
public sealed record CancelFineTuningJobCommand(CallerIdentity Caller, string Id) : ICommand<FineTuningJobObject>;

using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.Batches;

/// <summary>Asks a running batch to stop: it becomes <c>cancelling</c>, then <c>cancelled</c> once its lines stop.</summary>
public sealed record CancelBatchCommand(CallerIdentity Caller, string Id) : ICommand<BatchObject>;

using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Operations.Health;

public sealed record GetReadinessQuery : IQuery<ReadinessReport>;

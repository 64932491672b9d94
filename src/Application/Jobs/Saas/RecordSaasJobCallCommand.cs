using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Jobs.Saas;

/// <summary>Records a streamed job call once its stream has ended (its receipt is settled by then).</summary>
public sealed record RecordSaasJobCallCommand(SaasJobCallStart Start, string? StreamError) : ICommand<SaasJobCall>;

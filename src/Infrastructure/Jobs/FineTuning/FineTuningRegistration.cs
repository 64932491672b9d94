using LlmPlatform.Application.Jobs.FineTuning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LlmPlatform.Infrastructure.Jobs.FineTuning;

/// <summary>Registers fine-tuning: the mirror store, the provider client, the job sync and the poller.</summary>
internal static class FineTuningRegistration
{
    public static IServiceCollection AddFineTuning(this IServiceCollection services)
    {
        services.AddSingleton<IFineTuningStore, FineTuningStore>();
        services.AddSingleton<IFineTuningProvider, OpenAiFineTuningProvider>();
        services.AddSingleton<FineTuningJobSync>();
        services.AddSingleton<IHostedService, FineTuningPoller>();
        return services;
    }
}

using LlmPlatform.Application.Configuration;
using LlmPlatform.Application.Jobs.Batches;
using LlmPlatform.Application.Jobs.Files;
using LlmPlatform.Infrastructure.Jobs.FineTuning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace LlmPlatform.Infrastructure.Jobs;

/// <summary>Registers files (metadata store, blob store, limits) and batches (store, executor).</summary>
internal static class JobsRegistration
{
    public static IServiceCollection AddJobs(this IServiceCollection services, PlatformConfiguration configuration, NpgsqlDataSource dataSource)
    {
        services.AddSingleton<FileLimits>();
        services.AddSingleton<IFileStore, FileStore>();
        services.AddSingleton<IFileBlobStore>(_ => new LocalDirectoryBlobStore(StorageDirectory(configuration, dataSource)));
        services.AddFineTuning();
        services.AddSingleton<Application.Jobs.Saas.ISaasJobStore, SaasJobStore>();
        services.AddSingleton<BatchStore>();
        services.AddSingleton<IBatchStore>(sp => sp.GetRequiredService<BatchStore>());
        services.AddSingleton<BatchLineRunner>();
        services.AddSingleton<BatchOutputWriter>();
        services.AddSingleton<LiveTrafficGauge>();
        services.AddSingleton<ProviderBatchMirror>();
        services.AddSingleton<BatchExecutor>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<BatchExecutor>());
        return services;
    }

    /// <summary><c>general_settings.files_storage_path</c>, or a folder per database server and database under the temp directory.</summary>
    private static string StorageDirectory(PlatformConfiguration configuration, NpgsqlDataSource dataSource)
    {
        if (configuration.General.FilesStoragePath is { Length: > 0 } configured)
        {
            return configured;
        }

        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        var name = $"{builder.Host}-{builder.Port}-{builder.Database}";
        var safe = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        return Path.Combine(Path.GetTempPath(), "llmplatform-files", safe);
    }
}

using FluentValidation;
using LlmPlatform.Application.Access.Enforcement;
using LlmPlatform.Application.Common.Behaviours;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace LlmPlatform.Application;

/// <summary>Registers MediatR, every handler and validator of this assembly, and the pipeline behaviours.</summary>
public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();

        // Order matters: logging wraps validation wraps admission (gateway commands only) wraps the handler.
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(GatewayAdmissionBehaviour<,>));
        services.AddScoped<RateLimitHeaders>();
        services.AddSingleton<ReservationBook>();
        services.AddSingleton<ReservationSettler>();
        services.AddSingleton<Access.UserAccounts.AccountThrottle>();
        services.AddSingleton<Access.UserAccounts.UserProviderKeys>();
        services.AddSingleton<Gateway.Generate.IGenerationTracker, Gateway.Generate.GenerationTracker>();

        services.AddTransient<Gateway.RoutedCallServices>();
        services.AddSingleton<Gateway.Caching.ResponseCache>();
        services.AddScoped<Gateway.Caching.ResponseCacheStatus>();

        var assembly = typeof(DependencyInjection).Assembly;
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IRequestHandler<,>))
                {
                    services.AddTransient(contract, type);
                }
                else if (definition == typeof(IValidator<>))
                {
                    services.AddSingleton(contract, type);
                }
            }
        }

        return services;
    }
}

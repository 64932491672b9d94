using System.Globalization;
using LlmPlatform.Application.Gateway;

namespace LlmPlatform.Api.Endpoints;

/// <summary>
/// The headers every answered model call carries: <c>x-llmplatform-model-id</c> (the deployment that answered; not sent
/// for a cached answer), <c>x-llmplatform-attempts</c>, and <c>x-llmplatform-response-cost</c> (USD; not sent for a
/// stream, whose cost is known only at its end).
/// </summary>
internal static class GatewayHeaders
{
    public const string ModelId = "x-llmplatform-model-id";
    public const string Attempts = "x-llmplatform-attempts";
    public const string ResponseCost = "x-llmplatform-response-cost";

    public static void Write(HttpResponse response, string? deploymentId, int attempts, decimal? cost)
    {
        if (deploymentId is not null)
        {
            response.Headers[ModelId] = deploymentId;
        }

        response.Headers[Attempts] = attempts.ToString(CultureInfo.InvariantCulture);
        if (cost is { } known)
        {
            response.Headers[ResponseCost] = known.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>From what a routed call's handler put in its receipt.</summary>
    public static void Write(HttpResponse response, CallReceipt receipt) =>
        Write(response, receipt.DeploymentId, receipt.Attempts, receipt.Cost);
}

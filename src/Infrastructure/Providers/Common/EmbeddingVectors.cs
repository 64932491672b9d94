using System.Buffers.Binary;
using System.Text.Json;
using LlmPlatform.Application.Gateway.Contracts;

namespace LlmPlatform.Infrastructure.Providers.Common;

/// <summary>Writes a vector as OpenAI does: a float array, or base64 of little-endian float32 bytes.</summary>
internal static class EmbeddingVectors
{
    public static JsonElement ToElement(IReadOnlyList<float> vector, bool base64)
    {
        if (!base64)
        {
            var array = vector as float[] ?? vector.ToArray();
            return JsonSerializer.SerializeToElement(array, GatewayJsonContext.Default.SingleArray);
        }

        var bytes = new byte[vector.Count * sizeof(float)];
        for (var i = 0; i < vector.Count; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        }

        return JsonSerializer.SerializeToElement(Convert.ToBase64String(bytes), GatewayJsonContext.Default.String);
    }
}

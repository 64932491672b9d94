using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LlmPlatform.Infrastructure.Configuration;

/// <summary>Turns a JSON value into the YAML node tree the configuration reader understands, so API bodies and the file share one parser.</summary>
internal static class JsonYaml
{
    public static YamlNode ToNode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var mapping = new YamlMappingNode();
                foreach (var property in element.EnumerateObject())
                {
                    mapping.Add(new YamlScalarNode(property.Name) { Style = ScalarStyle.DoubleQuoted }, ToNode(property.Value));
                }

                return mapping;
            case JsonValueKind.Array:
                var sequence = new YamlSequenceNode();
                foreach (var item in element.EnumerateArray())
                {
                    sequence.Add(ToNode(item));
                }

                return sequence;
            case JsonValueKind.String:
                return new YamlScalarNode(element.GetString()) { Style = ScalarStyle.DoubleQuoted };
            case JsonValueKind.Number:
                return new YamlScalarNode(element.GetRawText()) { Style = ScalarStyle.Plain };
            case JsonValueKind.True:
                return new YamlScalarNode("true") { Style = ScalarStyle.Plain };
            case JsonValueKind.False:
                return new YamlScalarNode("false") { Style = ScalarStyle.Plain };
            default:
                return new YamlScalarNode("null") { Style = ScalarStyle.Plain };
        }
    }
}

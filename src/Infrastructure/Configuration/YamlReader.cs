using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace LlmPlatform.Infrastructure.Configuration;

/// <summary>Typed reads of YAML nodes that fail with the file, line and key of a wrong value.</summary>
internal sealed class YamlReader
{
    private readonly string? _file;
    private readonly Func<string, string?> _environment;
    private readonly List<string> _warnings;

    /// <param name="file">The file name for messages; null for input that did not come from a file (an API body).</param>
    public YamlReader(string? file, Func<string, string?> environment, List<string> warnings)
    {
        _file = file;
        _environment = environment;
        _warnings = warnings;
    }

    public ConfigurationException Fail(YamlNode node, string key, string problem) =>
        new($"{Where(node)}'{key}' {problem}", key);

    public void Warn(YamlNode node, string message) => _warnings.Add(Where(node) + message);

    private string Where(YamlNode node) => _file is null ? string.Empty : $"{_file}:{node.Start.Line}: ";

    public YamlMappingNode Mapping(YamlNode node, string key) =>
        node as YamlMappingNode ?? throw Fail(node, key, "must be a mapping of keys to values.");

    public YamlSequenceNode Sequence(YamlNode node, string key) =>
        node as YamlSequenceNode ?? throw Fail(node, key, "must be a list.");

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode s && s.Style == YamlDotNet.Core.ScalarStyle.Plain
        && (s.Value is null || s.Value.Length == 0 || s.Value is "null" or "~" or "Null" or "NULL");

    /// <summary>A string, resolving <c>os.environ/NAME</c> references; a missing variable is a warning and null.</summary>
    public string? String(YamlNode node, string key)
    {
        if (IsNull(node))
        {
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            throw Fail(node, key, "must be a string.");
        }

        var value = scalar.Value ?? string.Empty;
        const string prefix = "os.environ/";
        if (value.StartsWith(prefix, StringComparison.Ordinal))
        {
            var name = value[prefix.Length..];
            var resolved = _environment(name);
            if (resolved is null)
            {
                Warn(node, $"'{key}' refers to the environment variable {name}, which is not set.");
            }

            return resolved;
        }

        return value;
    }

    public string RequiredString(YamlNode node, string key) =>
        String(node, key) is { Length: > 0 } value ? value : throw Fail(node, key, "must be a non-empty string.");

    public int? Int(YamlNode node, string key, int min = 0)
    {
        var text = String(node, key);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw Fail(node, key, $"must be a whole number of at least {min} (got '{text}').");
        }

        return value;
    }

    public double? Number(YamlNode node, string key, double min = 0)
    {
        var text = String(node, key);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || double.IsNaN(value) || double.IsInfinity(value))
        {
            throw Fail(node, key, $"must be a number of at least {min.ToString(CultureInfo.InvariantCulture)} (got '{text}').");
        }

        return value;
    }

    public decimal? Decimal(YamlNode node, string key)
    {
        var text = String(node, key);
        if (text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            throw Fail(node, key, $"must be a non-negative number (got '{text}').");
        }

        return value;
    }

    public bool? Bool(YamlNode node, string key)
    {
        var text = String(node, key);
        if (text is null)
        {
            return null;
        }

        return text.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw Fail(node, key, $"must be true or false (got '{text}')."),
        };
    }

    /// <summary>The longest duration a timer takes (int.MaxValue milliseconds, about 24.8 days), in whole seconds.</summary>
    public const int LongestTimerSeconds = int.MaxValue / 1000;

    /// <summary>
    /// A duration given as a number of seconds (LiteLLM's convention), at most <paramref name="maxSeconds"/>: by default
    /// what a timer takes, since most durations here are timeouts and delays; a duration that is only compared with
    /// clocks (a cache TTL) may allow more.
    /// </summary>
    public TimeSpan? Seconds(YamlNode node, string key, int maxSeconds = LongestTimerSeconds)
    {
        var seconds = Number(node, key);
        if (seconds > maxSeconds)
        {
            throw Fail(node, key, $"must be a number of seconds, at most {maxSeconds}.");
        }

        return seconds is null ? null : TimeSpan.FromSeconds(seconds.Value);
    }

    public IReadOnlyList<string> StringList(YamlNode node, string key)
    {
        if (IsNull(node))
        {
            return [];
        }

        if (node is YamlScalarNode)
        {
            var single = String(node, key);
            return single is null ? [] : [single];
        }

        var list = new List<string>();
        foreach (var item in Sequence(node, key).Children)
        {
            list.Add(RequiredString(item, key));
        }

        return list;
    }
}

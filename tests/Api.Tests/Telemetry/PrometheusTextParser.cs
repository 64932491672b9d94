using System.Globalization;
using System.Text.RegularExpressions;

namespace LlmPlatform.Api.Tests.Telemetry;

/// <summary>
/// A strict reader of the Prometheus text exposition format (0.0.4): every sample line must parse, belong to a
/// family declared by a TYPE line, and histograms must have cumulative buckets ending in +Inf equal to _count.
/// </summary>
internal static partial class PrometheusTextParser
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public static IReadOnlyList<Sample> Parse(string text)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = new List<Sample>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                var type = TypeLine().Match(line);
                if (type.Success)
                {
                    types[type.Groups[1].Value] = type.Groups[2].Value;
                }
                else if (!line.StartsWith("# HELP ", StringComparison.Ordinal) && !line.StartsWith("# EOF", StringComparison.Ordinal))
                {
                    throw new FormatException($"line {lineNumber}: unknown comment '{line}'");
                }

                continue;
            }

            var match = SampleLine().Match(line);
            if (!match.Success)
            {
                throw new FormatException($"line {lineNumber}: not a sample: '{line}'");
            }

            var name = match.Groups["name"].Value;
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match label in LabelPair().Matches(match.Groups["labels"].Value))
            {
                labels[label.Groups[1].Value] = label.Groups[2].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
            }

            var valueText = match.Groups["value"].Value;
            var value = valueText switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                _ => double.Parse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            if (!types.Keys.Any(family => name == family || name.StartsWith(family + "_", StringComparison.Ordinal)))
            {
                throw new FormatException($"line {lineNumber}: sample '{name}' has no TYPE line before it");
            }

            samples.Add(new Sample(name, labels, value));
        }

        CheckHistograms(types, samples);
        return samples;
    }

    private static void CheckHistograms(Dictionary<string, string> types, List<Sample> samples)
    {
        foreach (var family in types.Where(t => t.Value == "histogram").Select(t => t.Key))
        {
            var series = samples.Where(s => s.Name == family + "_bucket")
                .GroupBy(s => string.Join(",", s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)));
            foreach (var group in series)
            {
                var buckets = group.ToList();
                for (var i = 1; i < buckets.Count; i++)
                {
                    if (buckets[i].Value < buckets[i - 1].Value)
                    {
                        throw new FormatException($"{family}: buckets are not cumulative");
                    }
                }

                if (buckets[^1].Labels["le"] != "+Inf")
                {
                    throw new FormatException($"{family}: the last bucket is not +Inf");
                }

                var count = samples.FirstOrDefault(s => s.Name == family + "_count"
                    && group.Key == string.Join(",", s.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)));
                if (count is null || Math.Abs(count.Value - buckets[^1].Value) > 0)
                {
                    throw new FormatException($"{family}: _count does not match the +Inf bucket");
                }
            }
        }
    }

    [GeneratedRegex(@"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>([a-zA-Z_][a-zA-Z0-9_]*=""([^""\\]|\\.)*"",?)*)\})? (?<value>[^ ]+)( -?\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}

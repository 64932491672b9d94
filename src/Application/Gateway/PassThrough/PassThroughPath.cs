namespace LlmPlatform.Application.Gateway.PassThrough;

/// <summary>
/// Keeps a pass-through path below the provider's base URL: no dot segments (also percent-encoded), no encoded
/// slashes or backslashes, no empty segments (so no <c>//host</c>), no control characters.
/// </summary>
public static class PassThroughPath
{
    public static bool IsSafe(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > 2048)
        {
            return false;
        }

        if (path.Contains('\\', StringComparison.Ordinal)
            || path.Contains("%2f", StringComparison.OrdinalIgnoreCase)
            || path.Contains("%5c", StringComparison.OrdinalIgnoreCase)
            || path.Any(char.IsControl))
        {
            return false;
        }

        foreach (var segment in path.Split('/'))
        {
            var decoded = Uri.UnescapeDataString(segment);
            if (segment.Length == 0 || decoded is "." or ".." || decoded.Contains('/', StringComparison.Ordinal) || decoded.Contains('\\', StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Auth;

/// <summary>API keys (<c>AgentTrace:Auth</c>). With none configured, a first-start admin key is created.</summary>
public sealed class AuthOptions
{
    public const string Section = "AgentTrace:Auth";

    public List<ApiKeyConfig> Keys { get; set; } = [];

    public IEnumerable<string> Problems()
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            var key = Keys[i];
            var at = $"{Section}:Keys:{i}";
            if (string.IsNullOrEmpty(key.Key) == string.IsNullOrEmpty(key.KeySha256))
            {
                yield return $"{at} needs exactly one of Key or KeySha256";
            }

            if (key.Key is { Length: > 0 and < 16 })
            {
                yield return $"{at}:Key is {key.Key.Length} characters long; use at least 16";
            }

            if (key.KeySha256 is { Length: > 0 } hash && !KeyHash.IsHash(hash))
            {
                yield return $"{at}:KeySha256 must be 64 hexadecimal characters";
            }

            if (TraceIds.Problem($"{at}:Tenant", key.Tenant) is { } tenantProblem)
            {
                yield return tenantProblem;
            }

            if (!ApiRoles.TryParse(key.Role, out _))
            {
                yield return $"{at}:Role must be one of reader, writer, admin (is '{key.Role}')";
            }
        }
    }
}

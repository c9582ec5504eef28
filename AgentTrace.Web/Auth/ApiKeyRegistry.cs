using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace AgentTrace.Web.Auth;

/// <summary>
/// The keys this server accepts, by hash: the configured ones, or else the first-start admin key. A presented
/// key is hashed and looked up; plain keys are never kept.
/// </summary>
public sealed class ApiKeyRegistry
{
    private readonly FrozenDictionary<string, ApiIdentity> _byHash;

    public ApiKeyRegistry(IOptions<AuthOptions> options, FirstStartKey firstStartKey)
    {
        var configured = options.Value.Keys;
        var entries = configured.Count > 0
            ? configured.Select((k, i) => (
                Hash: (k.KeySha256 ?? KeyHash.Of(k.Key!)).ToLowerInvariant(),
                Identity: new ApiIdentity(k.Name ?? $"key-{i}", k.Tenant!, ApiRoles.TryParse(k.Role, out var role) ? role : ApiRole.Reader)))
            : [firstStartKey.Ensure()];
        _byHash = entries.ToFrozenDictionary(e => e.Hash, e => e.Identity, StringComparer.Ordinal);
        UsesFirstStartKey = configured.Count == 0;
    }

    /// <summary>True when no key is configured and the first-start admin key is in use.</summary>
    public bool UsesFirstStartKey { get; }

    public ApiIdentity? Find(string presentedKey) =>
        presentedKey.Length is > 0 and <= 512 ? FindByHash(KeyHash.Of(presentedKey)) : null;

    /// <summary>The identity of a key given by its hash (a dashboard cookie keeps the hash, never the key).</summary>
    public ApiIdentity? FindByHash(string keyHash) => _byHash.GetValueOrDefault(keyHash);
}

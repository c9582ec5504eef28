namespace AgentTrace.Domain.Storage.Redis;

/// <summary>
/// The Lua scripts of <see cref="RedisTraceStore"/>. Each touches only the keys it is given, all in one hash slot,
/// and runs atomically: a trace's summary, <c>last_seq</c> and events change together.
/// </summary>
internal static class RedisScripts
{
    /// <summary>KEYS: trace hash. ARGV: session JSON, status, now (ms), ttl (ms). Returns 1 when created, 0 when it exists.</summary>
    public const string Create = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        redis.call('HSET', KEYS[1], 'session', ARGV[1], 'status', ARGV[2], 'last_seq', 0, 'updated_at', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return 1
        """;

    /// <summary>
    /// KEYS: trace hash, event stream. ARGV: max stored events, now (ms), watch channel, the tenant's feed channel, task
    /// id, then per event: seq, event type, component id, JSON, n, and n pairs of summary field and increment. The
    /// <c>seq</c> rules are <see cref="AppendRule"/>'s (tested to agree): events at or below <c>last_seq</c> are
    /// duplicates; the rest must continue it without a gap, else nothing is stored. Beyond the cap events are only
    /// counted as dropped. Summary counts saturate at 2^53 − 1 (<see cref="Model.Counts.Max"/>). A change is
    /// published on the watch channel (the new <c>last_seq</c>) and on the feed channel (the task id). Returns
    /// {outcome, appended, duplicates, dropped, last_seq}.
    /// </summary>
    public const string Append = """
        local status = redis.call('HGET', KEYS[1], 'status')
        if not status then return {'missing', 0, 0, 0, 0} end
        local last = tonumber(redis.call('HGET', KEYS[1], 'last_seq'))
        local fresh, duplicates, i = {}, 0, 6
        while i <= #ARGV do
          if tonumber(ARGV[i]) <= last then duplicates = duplicates + 1 else fresh[#fresh + 1] = i end
          i = i + 5 + 2 * tonumber(ARGV[i + 4])
        end
        if #fresh == 0 then return {'appended', 0, duplicates, 0, last} end
        if status ~= 'running' then return {'finished', 0, duplicates, 0, last} end
        for k, at in ipairs(fresh) do
          if tonumber(ARGV[at]) ~= last + k then return {'gap', 0, duplicates, 0, last} end
        end
        local room = tonumber(ARGV[1]) - tonumber(redis.call('HGET', KEYS[1], 'total_events') or '0')
        local stored, sums = 0, {}
        for _, at in ipairs(fresh) do
          if stored < room then
            redis.call('XADD', KEYS[2], ARGV[at] .. '-0', 't', ARGV[at + 1], 'c', ARGV[at + 2], 'd', ARGV[at + 3])
            stored = stored + 1
            for j = 1, tonumber(ARGV[at + 4]) do
              local field = ARGV[at + 3 + 2 * j]
              sums[field] = (sums[field] or 0) + tonumber(ARGV[at + 4 + 2 * j])
            end
          end
        end
        local dropped = #fresh - stored
        sums['total_events'] = stored
        if dropped > 0 then sums['dropped_events'] = dropped end
        for field, value in pairs(sums) do
          if tonumber(redis.call('HGET', KEYS[1], field) or '0') + value >= 9007199254740991 then
            redis.call('HSET', KEYS[1], field, '9007199254740991')
          else
            redis.call('HINCRBY', KEYS[1], field, string.format('%.0f', value))
          end
        end
        local newLast = last + #fresh
        redis.call('HSET', KEYS[1], 'last_seq', newLast, 'updated_at', ARGV[2])
        local ttl = redis.call('PTTL', KEYS[1])
        if stored > 0 and ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
        redis.call('PUBLISH', ARGV[3], newLast)
        redis.call('PUBLISH', ARGV[4], ARGV[5])
        return {'appended', stored, duplicates, dropped, newLast}
        """;

    /// <summary>
    /// KEYS: trace hash, event stream. ARGV: status, completed_at (ticks), elapsed, error, outputs (empty when
    /// absent), watch channel, ttl (ms), and idle-before (ms; when not empty, only a trace not written since then is
    /// finished). Returns {outcome, hash fields and values...}: completed, finished (already), active (written
    /// since idle-before) or missing (alone).
    /// </summary>
    public const string Complete = """
        local status = redis.call('HGET', KEYS[1], 'status')
        if not status then return {'missing'} end
        local outcome = 'completed'
        if status ~= 'running' then
          outcome = 'finished'
        elseif ARGV[8] ~= '' and tonumber(redis.call('HGET', KEYS[1], 'updated_at')) >= tonumber(ARGV[8]) then
          outcome = 'active'
        else
          redis.call('HSET', KEYS[1], 'status', ARGV[1], 'completed_at', ARGV[2])
          if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'elapsed', ARGV[3]) end
          if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'error', ARGV[4]) end
          if ARGV[5] ~= '' then redis.call('HSET', KEYS[1], 'outputs', ARGV[5]) end
          redis.call('PEXPIRE', KEYS[1], ARGV[7])
          redis.call('PEXPIRE', KEYS[2], ARGV[7])
          redis.call('PUBLISH', ARGV[6], 'finished')
        end
        local reply = redis.call('HGETALL', KEYS[1])
        table.insert(reply, 1, outcome)
        return reply
        """;

    /// <summary>KEYS: trace hash, event stream. ARGV: watch channel. Returns 1 when the trace existed.</summary>
    public const string Delete = """
        local existed = redis.call('EXISTS', KEYS[1])
        redis.call('DEL', KEYS[1], KEYS[2])
        if existed == 1 then redis.call('PUBLISH', ARGV[1], 'deleted') end
        return existed
        """;

    /// <summary>
    /// KEYS: one to three index sets, then the scratch key. ARGV: min score, max score, offset, count. With several
    /// sets their intersection (scored by the first) is built in the scratch key and removed before returning.
    /// Returns {total in the score range, task ids newest first}.
    /// </summary>
    public const string List = """
        local n = #KEYS - 1
        local source = KEYS[1]
        if n > 1 then
          local args = {'ZINTERSTORE', KEYS[n + 1], n}
          for k = 1, n do args[#args + 1] = KEYS[k] end
          args[#args + 1] = 'WEIGHTS'
          for k = 1, n do args[#args + 1] = (k == 1) and 1 or 0 end
          redis.call(unpack(args))
          source = KEYS[n + 1]
        end
        local total = redis.call('ZCOUNT', source, ARGV[1], ARGV[2])
        local ids = redis.call('ZREVRANGEBYSCORE', source, ARGV[2], ARGV[1], 'LIMIT', ARGV[3], ARGV[4])
        if n > 1 then redis.call('DEL', source) end
        return {total, ids}
        """;
}

namespace HelloMvc.Web.Classes;

/// <summary>The Lua scripts of <see cref="RedisClassStore"/>: each step on a class, run by Redis as one.</summary>
internal static class ClassScripts
{
    // Using a class: it, its students and their memberships live another idle lifetime, and it counts as open from now.
    private const string Touch = """
        local function touch(class, students, open, code, now, lifetime, memberships)
          redis.call('HSET', class, 'used', now)
          redis.call('EXPIRE', class, lifetime)
          redis.call('EXPIRE', students, lifetime)
          redis.call('ZADD', open, now, code)
          for _, learner in ipairs(redis.call('HKEYS', students)) do
            if redis.call('GET', memberships .. learner) == code then redis.call('EXPIRE', memberships .. learner, lifetime) end
          end
        end
        """;

    /// <summary>KEYS: open classes, the class. ARGV: code, title, key hash, started (ms), now (s), lifetime (s), most open.
    /// Answers 1 when started, 0 when the code is taken, -1 when the store holds as many open classes as it may.</summary>
    public const string Start = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[5]) - tonumber(ARGV[6]))
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[7]) then return -1 end
        if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
        redis.call('HSET', KEYS[2], 'title', ARGV[2], 'key', ARGV[3], 'started', ARGV[4], 'used', ARGV[5], 'last', 0)
        redis.call('EXPIRE', KEYS[2], ARGV[6])
        redis.call('ZADD', KEYS[1], ARGV[5], ARGV[1])
        redis.call('EXPIRE', KEYS[1], ARGV[6])
        return 1
        """;

    /// <summary>KEYS: the class, its students, open classes. ARGV: code, now, lifetime, touch every (s), membership prefix.
    /// Answers nil, or the class's fields and its students' (flat hashes).</summary>
    public const string Get = Touch + """

        local class = redis.call('HGETALL', KEYS[1])
        if #class == 0 then return false end
        local used = tonumber(redis.call('HGET', KEYS[1], 'used')) or 0
        if tonumber(ARGV[2]) - used >= tonumber(ARGV[4]) then touch(KEYS[1], KEYS[2], KEYS[3], ARGV[1], ARGV[2], ARGV[3], ARGV[5]) end
        return {class, redis.call('HGETALL', KEYS[2])}
        """;

    /// <summary>KEYS: the class, its students, the learner's membership, open classes. ARGV: code, now, lifetime,
    /// membership prefix, learner, name, joined (ms), most students, class prefix. Answers joined, full or unknown.</summary>
    public const string Join = Touch + """

        if redis.call('EXISTS', KEYS[1]) == 0 then return 'unknown' end
        local existing = redis.call('HGET', KEYS[2], ARGV[5])
        if existing then
          redis.call('HSET', KEYS[2], ARGV[5], string.match(existing, '^%d+ %d+') .. ' ' .. ARGV[6])
        else
          if redis.call('HLEN', KEYS[2]) >= tonumber(ARGV[8]) then return 'full' end
          local previous = redis.call('GET', KEYS[3])
          if previous then redis.call('HDEL', ARGV[9] .. previous .. ':students', ARGV[5]) end
          local number = redis.call('HINCRBY', KEYS[1], 'last', 1)
          redis.call('HSET', KEYS[2], ARGV[5], number .. ' ' .. ARGV[7] .. ' ' .. ARGV[6])
        end
        redis.call('SET', KEYS[3], ARGV[1])
        touch(KEYS[1], KEYS[2], KEYS[4], ARGV[1], ARGV[2], ARGV[3], ARGV[4])
        return 'joined'
        """;

    /// <summary>KEYS: the learner's membership. ARGV: learner, class prefix. Answers nil, or code, title and the stored student.</summary>
    public const string Membership = """
        local code = redis.call('GET', KEYS[1])
        if not code then return false end
        local title = redis.call('HGET', ARGV[2] .. code, 'title')
        local student = redis.call('HGET', ARGV[2] .. code .. ':students', ARGV[1])
        if not title or not student then return false end
        return {code, title, student}
        """;

    /// <summary>KEYS: the learner's membership. ARGV: learner, class prefix.</summary>
    public const string Leave = """
        local code = redis.call('GET', KEYS[1])
        if code then
          redis.call('HDEL', ARGV[2] .. code .. ':students', ARGV[1])
          redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    /// <summary>KEYS: the class's students. ARGV: code, number, membership prefix. Answers 1 when a student was removed.</summary>
    public const string Remove = """
        local all = redis.call('HGETALL', KEYS[1])
        for i = 1, #all, 2 do
          if string.match(all[i + 1], '^%d+') == ARGV[2] then
            redis.call('HDEL', KEYS[1], all[i])
            if redis.call('GET', ARGV[3] .. all[i]) == ARGV[1] then redis.call('DEL', ARGV[3] .. all[i]) end
            return 1
          end
        end
        return 0
        """;

    /// <summary>KEYS: the class, its students, open classes. ARGV: code, membership prefix.</summary>
    public const string Close = """
        for _, learner in ipairs(redis.call('HKEYS', KEYS[2])) do
          if redis.call('GET', ARGV[2] .. learner) == ARGV[1] then redis.call('DEL', ARGV[2] .. learner) end
        end
        redis.call('DEL', KEYS[1], KEYS[2])
        redis.call('ZREM', KEYS[3], ARGV[1])
        return 0
        """;
}

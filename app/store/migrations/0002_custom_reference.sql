-- POMI Planner schema, version 2.
-- An organisation's own support actors and recommendations, with their own
-- words in each language. Never touched by a reference data refresh.
CREATE TABLE custom_actors (
    id    TEXT PRIMARY KEY,
    data  TEXT NOT NULL CHECK (json_valid(data)),
    texts TEXT NOT NULL CHECK (json_valid(texts))
);
CREATE TABLE custom_recommendations (
    id    TEXT PRIMARY KEY,
    data  TEXT NOT NULL CHECK (json_valid(data)),
    texts TEXT NOT NULL CHECK (json_valid(texts))
);

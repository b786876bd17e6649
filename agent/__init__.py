"""The agent floor: wires perception, appraisal, voice and robots into ``AffectiveAgent``."""

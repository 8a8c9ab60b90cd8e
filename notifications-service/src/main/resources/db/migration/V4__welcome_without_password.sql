-- A citizen registered from a basic phone (USSD) has no password yet: the welcome SMS says how to set
-- one for the web ("forgot password" with the same number). Falls back to citizen-registered if removed.
INSERT INTO template (kind, channel, language, subject_line, body, html) VALUES
('citizen-registered.WITHOUT_PASSWORD', 'SMS', 'sw', NULL, 'Karibu Huduma, {{name}}! Umesajiliwa kwa simu hii. Kutumia tovuti ya Huduma, chagua "Umesahau nenosiri?" na namba hii ili kuweka nenosiri lako.', NULL),
('citizen-registered.WITHOUT_PASSWORD', 'SMS', 'en', NULL, 'Welcome to Huduma, {{name}}! You are registered with this phone. To use the Huduma website, choose "Forgot password?" with this number to set your password.', NULL);

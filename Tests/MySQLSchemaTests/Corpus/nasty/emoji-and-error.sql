CREATE TABLE `🦆` (`🦆🦆` int, `x` int 🦆);

#ifndef DDBMODEL_CMARIADB_SHIM_H
#define DDBMODEL_CMARIADB_SHIM_H

/*
 * MariaDB Connector/C (libmariadb, Debian's libmariadb-dev): the classic MySQL C API, which
 * talks to MySQL 5.7/8.x and MariaDB servers alike. Only non-variadic calls are used from Swift
 * (mysql_options, not mysql_optionsv), so no C wrappers are needed; pkg-config `libmariadb`
 * puts /usr/include/mariadb on the include path.
 */

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#endif
